# Text in more than one script through the real renderer and the shipped fonts: runs per
# script drawn with the font that has them (no empty boxes), in visual order, and
# measured as drawn (src/core/textrun.c, src/platform/plat_render.c).
add_executable(test_text_mixed ${CMAKE_CURRENT_SOURCE_DIR}/text/test_text_mixed.c)
target_link_libraries(test_text_mixed PRIVATE gw_platform PkgConfig::CMOCKA)
target_compile_definitions(test_text_mixed PRIVATE GW_FONT_DIR="${CMAKE_BINARY_DIR}/data/fonts"
                           GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_dependencies(test_text_mixed gw_fonts)
add_test(NAME text.mixed_scripts COMMAND test_text_mixed)
set_tests_properties(text.mixed_scripts PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS "unit;text")
