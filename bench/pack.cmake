# pack_bench: times pack_load_dir on a generated pack of 10,000 exercises.
#   cmake --build build --target pack_bench && build/bench/pack_bench
add_executable(pack_bench EXCLUDE_FROM_ALL ${CMAKE_CURRENT_SOURCE_DIR}/pack_bench.c)
target_link_libraries(pack_bench PRIVATE gw_core)
target_include_directories(pack_bench PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)  # breath_total_stub.h

# While src/core/breath.c lacks breath_total, link the tests' weak stand-in.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/breath.c)
file(READ ${CMAKE_SOURCE_DIR}/src/core/breath.c _gw_breath_src)
string(REGEX MATCH "gw_ns[ \t\r\n]+breath_total[ \t]*\\(" _gw_has_breath_total "${_gw_breath_src}")
if(NOT _gw_has_breath_total)
  target_compile_definitions(pack_bench PRIVATE GW_BREATH_TOTAL_STUB)
endif()
