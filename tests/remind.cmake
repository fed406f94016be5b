# Reminders: `groundwork remind` on a private session bus with a notification server
# that records its calls (tests/remind/fake_notifications.py, python3-dbus), and with
# none; Settings turning reminders on and off (the unit files, the autostart fallback),
# with systemctl replaced by a script that records its arguments ($GROUNDWORK_SYSTEMCTL).
find_program(GW_DBUS_DAEMON dbus-daemon)
if(GW_DBUS_DAEMON AND SDBUS_FOUND)
  add_test(NAME remind.notify COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/remind/check_remind.py $<TARGET_FILE:groundwork>)
  set_tests_properties(remind.notify PROPERTIES LABELS e2e SKIP_RETURN_CODE 77 TIMEOUT 120
    ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
else()
  gw_tool_missing(remind.notify e2e "dbus-daemon or libsystemd-dev is missing: run scripts/deps.sh")
endif()
add_test(NAME remind.settings COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/remind/check_remind_settings.py $<TARGET_FILE:groundwork>)
set_tests_properties(remind.settings PROPERTIES LABELS e2e TIMEOUT 120
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
