# Heart-rate biofeedback: the back-end (plat_hr) against a BlueZ stand-in on a private
# bus (tests/hr/fake_bluez.py, python3-dbus); the core's decoder, cleaning and resonance
# analysis are unit tests (tests/unit/test_hrm.c, test_rrcsv.c).
add_executable(hr_probe ${CMAKE_CURRENT_SOURCE_DIR}/hr/hr_probe.c)
target_link_libraries(hr_probe PRIVATE gw_platform)
add_executable(hr_scan_probe ${CMAKE_CURRENT_SOURCE_DIR}/hr/hr_scan_probe.c)
target_link_libraries(hr_scan_probe PRIVATE gw_platform)
find_program(GW_DBUS_DAEMON dbus-daemon)
if(GW_DBUS_DAEMON AND SDBUS_FOUND)
  add_test(NAME hr.bluez COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_hr.py $<TARGET_FILE:hr_probe>)
  set_tests_properties(hr.bluez PROPERTIES LABELS e2e SKIP_RETURN_CODE 77 TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")
  # Scanning, choosing (pair, trust, connect) and why Bluetooth cannot be used.
  add_test(NAME hr.scan COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_hr_scan.py $<TARGET_FILE:hr_scan_probe>)
  set_tests_properties(hr.scan PROPERTIES LABELS e2e SKIP_RETURN_CODE 77 TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")
else()
  gw_tool_missing(hr.bluez e2e "dbus-daemon or libsystemd-dev is missing: run scripts/deps.sh")
  gw_tool_missing(hr.scan e2e "dbus-daemon or libsystemd-dev is missing: run scripts/deps.sh")
endif()

# The resonance assessment end to end: synthetic recordings through `play --hr-replay`.
add_test(NAME hr.resonance_play COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_resonance.py $<TARGET_FILE:groundwork>)
set_tests_properties(hr.resonance_play PROPERTIES LABELS e2e TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")

# The real program with a simulated sensor (the stand-in on a private bus, the live
# program under a private Xvfb): chosen on Settings' page by keys, beats during an
# exercise, out of reach and back; and without Bluetooth (no bus, no BlueZ) the exercise
# runs as before and the page says why. It turns read aloud on (to read the pacer's words
# with F5), so the speech tests' suppression of libspeechd's failed-connection message
# applies (no speech service here).
find_program(GW_XVFB Xvfb)
find_program(GW_XDOTOOL xdotool)
if(GW_DBUS_DAEMON AND SDBUS_FOUND AND GW_XVFB AND GW_XDOTOOL)
  set(GW_HR_LIVE_ENV ${GW_TEST_ENV})
  list(FILTER GW_HR_LIVE_ENV EXCLUDE REGEX "^SDL_VIDEODRIVER=")
  add_test(NAME hr.live COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_hr_live.py $<TARGET_FILE:groundwork>)
  set_tests_properties(hr.live PROPERTIES LABELS display SKIP_RETURN_CODE 77 TIMEOUT 300
    ENVIRONMENT "${GW_HR_LIVE_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/speech/lsan.supp:fast_unwind_on_malloc=0")
else()
  gw_tool_missing(hr.live display "dbus-daemon, Xvfb, xdotool or libsystemd-dev is missing: run scripts/deps.sh")
endif()

# The swing per breath beside the heart-rate line: hr_swing events from a recording.
add_test(NAME hr.swing_play COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_swing.py $<TARGET_FILE:groundwork>)
set_tests_properties(hr.swing_play PROPERTIES LABELS e2e TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")

# A session's beats kept at home, exported by `log beats` and played back to the same result.
add_test(NAME hr.beats_export COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_beats_export.py $<TARGET_FILE:groundwork>)
set_tests_properties(hr.beats_export PROPERTIES LABELS e2e TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")

# Present mode: the assessment's rate into the take-home plan from the therapist's panel.
add_test(NAME hr.present_plan COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/hr/check_present_resonance.py $<TARGET_FILE:groundwork>)
set_tests_properties(hr.present_plan PROPERTIES LABELS e2e TIMEOUT 300 ENVIRONMENT "${GW_TEST_ENV}")

# Frames with heart beats, in four languages at 100% and 200% text: the swing beside
# the heart-rate line in every pacer style, a small redraw, the assessment's result.
add_executable(test_hr_frames ${CMAKE_CURRENT_SOURCE_DIR}/hr/test_hr_frames.c)
target_link_libraries(test_hr_frames PRIVATE gw_test_env m)
add_dependencies(test_hr_frames gw_fonts gw_locale)
add_test(NAME hr.frames COMMAND test_hr_frames)
set_tests_properties(hr.frames PROPERTIES LABELS unit
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/hr-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/hr-home/data")

# The assessment's figures in reading order in every language (Arabic: "796 ms²", "95%").
add_executable(test_res_bidi ${CMAKE_CURRENT_SOURCE_DIR}/hr/test_res_bidi.c)
target_link_libraries(test_res_bidi PRIVATE gw_test_env m)
add_dependencies(test_res_bidi gw_fonts gw_locale)
add_test(NAME hr.figures_bidi COMMAND test_res_bidi)
set_tests_properties(hr.figures_bidi PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/hr-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/hr-home/data")

# The result at large text: every page says which it is, and every block is reached.
add_executable(test_res_pages ${CMAKE_CURRENT_SOURCE_DIR}/hr/test_res_pages.c)
target_link_libraries(test_res_pages PRIVATE gw_test_env m)
add_dependencies(test_res_pages gw_fonts gw_locale)
add_test(NAME hr.result_pages COMMAND test_res_pages)
set_tests_properties(hr.result_pages PROPERTIES LABELS "unit;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/hr-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/hr-home/data")
