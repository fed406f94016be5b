# Export and share from Settings: the documents folder with no session bus, a private
# bus with a fake portal (answering, cancelled, silent), the therapist's PDF read back
# (pdftotext, pdftoppm; the page is left in export-out/summary.png to look at).
find_program(GW_DBUS_DAEMON dbus-daemon)
find_program(GW_PDFTOTEXT pdftotext)
if(GW_DBUS_DAEMON AND GW_PDFTOTEXT AND SDBUS_FOUND)
  add_test(NAME export.settings COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/export/check_export.py
           $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/export-out)
  set_tests_properties(export.settings PROPERTIES LABELS e2e TIMEOUT 300
    ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
else()
  gw_tool_missing(export.settings e2e "dbus-daemon, poppler-utils or libsystemd-dev is missing: run scripts/deps.sh")
endif()
