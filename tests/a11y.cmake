# Accessibility and languages (issue 10): every main screen in every language at 100%
# and 200% text (and the further pages of those that have them): no text cut off, and
# none the renderer would have to draw at less than 80% of its size to fit.
add_executable(a11y_screens ${CMAKE_CURRENT_SOURCE_DIR}/a11y/screens.c)
target_link_libraries(a11y_screens PRIVATE gw_test_env)
add_dependencies(a11y_screens gw_fonts gw_locale)
add_test(NAME a11y.screens COMMAND a11y_screens)
set_tests_properties(a11y.screens PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")

add_executable(a11y_gettext ${CMAKE_CURRENT_SOURCE_DIR}/a11y/gettext.c)
target_link_libraries(a11y_gettext PRIVATE gw_core)
add_dependencies(a11y_gettext gw_locale)
add_test(NAME a11y.gettext COMMAND a11y_gettext)
set_tests_properties(a11y.gettext PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")

# Every msgid of the sources is translated in every po file (none missing or fuzzy).
string(REPLACE ";" " " GW_XGETTEXT_ARGS_SH "${GW_XGETTEXT_ARGS}")
string(REPLACE ";" " " GW_LINGUAS_SH "${GW_LINGUAS}")
add_test(NAME a11y.po_complete COMMAND sh -c "
  d=$(mktemp -d); cd '${CMAKE_SOURCE_DIR}' || exit 1
  xgettext ${GW_XGETTEXT_ARGS_SH} -o $d/g.pot $(find src -name '*.c' | LC_ALL=C sort) || exit 1
  for l in ${GW_LINGUAS_SH}; do
    msgmerge -q -o $d/$l.po po/$l.po $d/g.pot || exit 1
    s=$(LC_ALL=C msgfmt --check --statistics -o /dev/null $d/$l.po 2>&1)
    echo \"$l: $s\"; case \"$s\" in *untranslated*|*fuzzy*) exit 1;; esac
  done")
set_tests_properties(a11y.po_complete PROPERTIES LABELS a11y)

# Every control on every screen has a role and a name (read aloud says them), also at
# each focus stop of a walk by keyboard, in every language at 100% and 200% text.
add_executable(a11y_names ${CMAKE_CURRENT_SOURCE_DIR}/a11y/names.c)
target_link_libraries(a11y_names PRIVATE gw_test_env)
add_dependencies(a11y_names gw_fonts gw_locale)
add_test(NAME a11y.names COMMAND a11y_names)
set_tests_properties(a11y.names PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-names-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-names-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-names-home/state")

# The states of the controls (hover, pressed, the focus ring at the first key), the
# "Recent" chips fitting their whole titles in every language, toggles that name
# their state, one name per thing on the settings screen; from the draw list.
add_executable(a11y_controls ${CMAKE_CURRENT_SOURCE_DIR}/a11y/controls.c)
target_link_libraries(a11y_controls PRIVATE gw_app)
add_dependencies(a11y_controls gw_fonts gw_locale)
add_test(NAME a11y.controls COMMAND a11y_controls)
set_tests_properties(a11y.controls PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")

# Every control on every screen of a11y.names takes the keyboard's focus (Tab,
# Shift+Tab, the arrows; a library card's star by the arrow along its row). Reach does
# not depend on the words, so English and Arabic (mirrored) at 100% suffice, and English
# at 200% for the screens that then have pages (some 10 s on two cores).
add_test(NAME a11y.reach COMMAND a11y_names --reach)
set_tests_properties(a11y.reach PROPERTIES LABELS a11y
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-reach-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-reach-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-reach-home/state")
