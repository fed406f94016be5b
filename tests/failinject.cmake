# Allocation failure injection (issue 11): tests/failinject/test_alloc_fail.c, linked so
# that malloc, calloc, realloc, strdup, free and realpath go through its counters.
add_executable(test_alloc_fail ${CMAKE_CURRENT_SOURCE_DIR}/failinject/test_alloc_fail.c)
target_link_libraries(test_alloc_fail PRIVATE gw_core PkgConfig::CMOCKA)
target_link_options(test_alloc_fail PRIVATE
  -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=free,--wrap=realpath)
target_compile_definitions(test_alloc_fail PRIVATE GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME failinject.alloc COMMAND test_alloc_fail)
set_tests_properties(failinject.alloc PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS "unit;failinject")

# The same through the program's own paths: a short headless `play` run, a practice-log
# write and a settings save (tests/failinject/test_alloc_fail_app.c); SQLite's
# allocations go through the same counter (SQLITE_CONFIG_MALLOC).
add_executable(test_alloc_fail_app ${CMAKE_CURRENT_SOURCE_DIR}/failinject/test_alloc_fail_app.c)
target_link_libraries(test_alloc_fail_app PRIVATE gw_app PkgConfig::CMOCKA)
target_link_options(test_alloc_fail_app PRIVATE
  -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=free,--wrap=realpath)
target_compile_definitions(test_alloc_fail_app PRIVATE GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
                           GW_BINARY_DIR="${CMAKE_BINARY_DIR}")
add_test(NAME failinject.alloc_app COMMAND test_alloc_fail_app)
set_tests_properties(failinject.alloc_app PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS "unit;failinject"
                     TIMEOUT 600)
