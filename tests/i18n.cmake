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
target_link_libraries(test_progress_plurals PRIVATE gw_app PkgConfig::CMOCKA)
add_dependencies(test_progress_plurals gw_fonts gw_locale)
add_test(NAME i18n.progress_plurals COMMAND test_progress_plurals)
set_tests_properties(i18n.progress_plurals PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")
