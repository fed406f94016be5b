# The audio platform module: silent back-end, clip lengths, the API on SDL's dummy driver.
add_executable(test_plat_audio ${CMAKE_CURRENT_SOURCE_DIR}/audio/test_plat_audio.c)
target_link_libraries(test_plat_audio PRIVATE gw_platform PkgConfig::CMOCKA)
add_test(NAME audio.plat_audio COMMAND test_plat_audio)
set_tests_properties(audio.plat_audio PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS unit)
