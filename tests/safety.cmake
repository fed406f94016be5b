# The safety line: the crisis line for each locale as drawn on the overlay (numbers read
# from the screen, nothing cut off at 100% and 200%), the Settings' country, and
# `validate` on locales.json (located errors and warnings).
add_executable(test_crisis_screen ${CMAKE_CURRENT_SOURCE_DIR}/safety/test_crisis_screen.c)
target_link_libraries(test_crisis_screen PRIVATE gw_test_env PkgConfig::CMOCKA)
add_dependencies(test_crisis_screen gw_fonts gw_locale)
add_test(NAME safety.crisis_screen COMMAND test_crisis_screen)
set_tests_properties(safety.crisis_screen PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/safety-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/safety-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/safety-home/state")

add_test(NAME safety.validate_locales COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/safety/validate_locales.sh
         $<TARGET_FILE:groundwork> ${CMAKE_SOURCE_DIR}/content/core
         ${CMAKE_CURRENT_SOURCE_DIR}/packs/good/breathing)
set_tests_properties(safety.validate_locales PROPERTIES LABELS e2e ENVIRONMENT "${GW_TEST_ENV}")
