# The pacer scene's frames and wake-ups (app library, no window).
add_executable(test_pacer_frames ${CMAKE_CURRENT_SOURCE_DIR}/pacer/test_pacer_frames.c)
target_link_libraries(test_pacer_frames PRIVATE gw_app PkgConfig::CMOCKA)
target_compile_definitions(test_pacer_frames PRIVATE GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME pacer.frames COMMAND test_pacer_frames)
set_tests_properties(pacer.frames PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS unit)
