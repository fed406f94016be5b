# Accessibility and languages (issue 10): every main screen in every language at 100%
# and 200% text: none cut off at 100%; at 200% at most GW_A11Y_MAX_CUT_200 (the
# layouts still to reflow: fixed-size buttons, the welcome text; lower it as they are).
add_executable(a11y_screens ${CMAKE_CURRENT_SOURCE_DIR}/a11y/screens.c)
target_link_libraries(a11y_screens PRIVATE gw_app)
add_dependencies(a11y_screens gw_fonts gw_locale)
add_test(NAME a11y.screens COMMAND a11y_screens)
set_tests_properties(a11y.screens PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GW_A11Y_MAX_CUT_200=66;GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")
