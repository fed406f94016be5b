# The Settings screen (app library, no window): what it shows is what is in effect.
add_executable(test_settings_shown ${CMAKE_CURRENT_SOURCE_DIR}/settings/test_settings_shown.c)
target_link_libraries(test_settings_shown PRIVATE gw_app PkgConfig::CMOCKA)
add_test(NAME settings.shown COMMAND test_settings_shown)
set_tests_properties(settings.shown PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS unit)
