# Dates and numbers per locale, with real C locales: de_DE and ar_EG are built by
# localedef (package locales) into the build tree and used through LOCPATH, so the
# tests do not depend on the locales installed on the machine.
set(GW_LOCPATH ${CMAKE_BINARY_DIR}/test-locales)
add_test(NAME i18n.make_locales COMMAND sh -c "
  mkdir -p '${GW_LOCPATH}' || exit 1
  for l in de_DE ar_EG; do
    [ -f '${GW_LOCPATH}'/$l.UTF-8/LC_CTYPE ] && continue
    localedef -i $l -f UTF-8 '${GW_LOCPATH}'/$l.UTF-8
    [ -f '${GW_LOCPATH}'/$l.UTF-8/LC_CTYPE ] || { echo \"localedef could not build $l.UTF-8 (package locales)\"; exit 1; }
  done")
set_tests_properties(i18n.make_locales PROPERTIES FIXTURES_SETUP gw_test_locales LABELS i18n)

add_executable(test_locale_formats ${CMAKE_CURRENT_SOURCE_DIR}/i18n/test_locale_formats.c)
target_link_libraries(test_locale_formats PRIVATE gw_core PkgConfig::CMOCKA)
target_compile_definitions(test_locale_formats PRIVATE GW_LOCALE_DIR="${CMAKE_BINARY_DIR}/data/locale")
add_dependencies(test_locale_formats gw_locale)
add_test(NAME i18n.dates COMMAND test_locale_formats)
set_tests_properties(i18n.dates PROPERTIES FIXTURES_REQUIRED gw_test_locales LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};LOCPATH=${GW_LOCPATH};LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/i18n/lsan.supp")

find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  add_test(NAME i18n.machine_numbers
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_numeric_locale.py
            $<TARGET_FILE:groundwork> ${GW_LOCPATH})
  set_tests_properties(i18n.machine_numbers PROPERTIES FIXTURES_REQUIRED gw_test_locales LABELS "e2e;i18n"
    ENVIRONMENT "${GW_TEST_ENV}")
endif()

# The progress screen's summary: every number in its own plural form (German, Arabic's
# six forms), as formatted and as drawn.
add_executable(test_progress_plurals ${CMAKE_CURRENT_SOURCE_DIR}/i18n/test_progress_plurals.c)
target_link_libraries(test_progress_plurals PRIVATE gw_test_env PkgConfig::CMOCKA)
add_dependencies(test_progress_plurals gw_fonts gw_locale)
add_test(NAME i18n.progress_plurals COMMAND test_progress_plurals)
set_tests_properties(i18n.progress_plurals PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")

# Numbers as the screens draw them in every language (the library's lengths and steps,
# the pacer's breaths, guided and prompt steps: 1, 2, 3, 11, 100), and an English-only
# pack's "in English" tag on its library and kiosk cards and "Before you begin".
add_executable(test_screen_plurals ${CMAKE_CURRENT_SOURCE_DIR}/i18n/test_screen_plurals.c)
target_link_libraries(test_screen_plurals PRIVATE gw_test_env PkgConfig::CMOCKA)
target_compile_definitions(test_screen_plurals PRIVATE GW_TEST_PACKS="${CMAKE_CURRENT_SOURCE_DIR}/packs/good")
add_dependencies(test_screen_plurals gw_fonts gw_locale)
add_test(NAME i18n.screen_plurals COMMAND test_screen_plurals)
set_tests_properties(i18n.screen_plurals PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")

# validate's summary: each pack's complete languages and how many texts others lack.
add_test(NAME i18n.validate_languages COMMAND sh -c "
  out=$('$<TARGET_FILE:groundwork>' validate '${CMAKE_CURRENT_SOURCE_DIR}/packs/good/single-language' '${CMAKE_SOURCE_DIR}/content/core') || exit 1
  echo \"$out\"
  echo \"$out\" | head -n 1 | grep -qx 'OK: 2 packs, [0-9]* exercises, 0 warnings' || exit 1
  echo \"$out\" | grep -qx 'test-english-only: complete in en' || exit 1
  echo \"$out\" | grep -qx 'core: complete in en, es, de, ar' || exit 1")
set_tests_properties(i18n.validate_languages PROPERTIES LABELS "e2e;i18n" ENVIRONMENT "${GW_TEST_ENV}")

# two different actions seen on one screen (Finish and Quit, Previous and Back) never
# share a word in any language's catalogue
if(Python3_Interpreter_FOUND)
  add_test(NAME i18n.distinct_actions
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_po_distinct.py
            ${CMAKE_SOURCE_DIR}/po/de.po ${CMAKE_SOURCE_DIR}/po/es.po ${CMAKE_SOURCE_DIR}/po/ar.po)
  set_tests_properties(i18n.distinct_actions PROPERTIES LABELS i18n)
endif()
# one action has one name: the therapist's panel's short "Prev." is "Previous" (or that
# word cut short), as on the exercise beside it
if(Python3_Interpreter_FOUND)
  add_test(NAME i18n.same_action
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_po_same_action.py
            ${CMAKE_SOURCE_DIR}/po/de.po ${CMAKE_SOURCE_DIR}/po/es.po ${CMAKE_SOURCE_DIR}/po/ar.po)
  set_tests_properties(i18n.same_action PROPERTIES LABELS i18n)
endif()
# Arabic never ends a sentence on an isolated path: the full stop would land against its
# first slash ("./home/...")
if(Python3_Interpreter_FOUND)
  add_test(NAME i18n.rtl_path_stops
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_po_rtl_paths.py ${CMAKE_SOURCE_DIR}/po/ar.po)
  set_tests_properties(i18n.rtl_path_stops PROPERTIES LABELS i18n)
endif()
# a command a message asks to run ("groundwork kiosk set-pin") is kept whole on screen
if(Python3_Interpreter_FOUND)
  add_test(NAME i18n.commands_whole
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_po_commands.py
            ${CMAKE_SOURCE_DIR}/po/de.po ${CMAKE_SOURCE_DIR}/po/es.po ${CMAKE_SOURCE_DIR}/po/ar.po)
  set_tests_properties(i18n.commands_whole PROPERTIES LABELS i18n)
endif()
