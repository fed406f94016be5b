# Export and share from Settings: the documents folder with no session bus, a private
# bus with a fake portal (answering, cancelled, silent), the therapist's PDF read back
# (pdftotext, pdftoppm; the page is left in export-out/summary.png to look at).
find_program(GW_DBUS_DAEMON dbus-daemon)
find_program(GW_PDFTOTEXT pdftotext)
if(GW_DBUS_DAEMON AND GW_PDFTOTEXT AND SDBUS_FOUND)
  add_test(NAME export.settings COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/export/check_export.py
           $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/export-out)
  set_tests_properties(export.settings PROPERTIES LABELS e2e TIMEOUT 300
    ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/export/lsan.supp")
else()
  gw_tool_missing(export.settings e2e "dbus-daemon, poppler-utils or libsystemd-dev is missing: run scripts/deps.sh")
endif()
# The live program keeps its window working while the desktop's Save window is open (a
# fake portal that answers 4 s later): Back pressed meanwhile is handled at once.
find_program(GW_XVFB_RUN xvfb-run)
find_program(GW_XDOTOOL xdotool)
if(GW_DBUS_DAEMON AND GW_XVFB_RUN AND GW_XDOTOOL AND SDBUS_FOUND)
  set(GW_EXPORT_LIVE_ENV ${GW_TEST_ENV})
  list(FILTER GW_EXPORT_LIVE_ENV EXCLUDE REGEX "^SDL_VIDEODRIVER=")
  add_test(NAME export.live_save_window
           COMMAND ${GW_XVFB_RUN} -a -s "-screen 0 1280x720x24 -nolisten tcp"
                   python3 ${CMAKE_CURRENT_SOURCE_DIR}/export/check_export_live.py
                   $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-export-live)
  set_tests_properties(export.live_save_window PROPERTIES LABELS display TIMEOUT 120
    ENVIRONMENT "${GW_EXPORT_LIVE_ENV};SDL_VIDEODRIVER=x11;GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
else()
  gw_tool_missing(export.live_save_window display "dbus-daemon, xvfb-run, xdotool or libsystemd-dev is missing: run scripts/deps.sh")
endif()
# What an export says on screen keeps paths left to right in Arabic; traces stay plain.
add_executable(test_export_bidi ${CMAKE_CURRENT_SOURCE_DIR}/export/test_export_bidi.c)
target_link_libraries(test_export_bidi PRIVATE gw_test_env PkgConfig::CMOCKA)
add_dependencies(test_export_bidi gw_locale)
add_test(NAME export.bidi COMMAND test_export_bidi)
set_tests_properties(export.bidi PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
