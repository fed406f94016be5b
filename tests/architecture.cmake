# The shape of the code (docs/architecture.md): no two files under src/ reach each other,
# directly or in a loop (read from the built objects' symbols and the includes), and no
# file under src/ is longer than 800 lines, and struct app holds under 30 fields.
add_test(NAME arch.layers COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_layers.py ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR})
add_test(NAME arch.sizes COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_sizes.py ${CMAKE_SOURCE_DIR} 800 --app-fields)
set_tests_properties(arch.layers arch.sizes PROPERTIES LABELS unit)
