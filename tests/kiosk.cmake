# Kiosk mode (issue 9): end to end through `play` and `groundwork kiosk`, and the
# content swap through the app itself.
set(_gw_kiosk_flags)
if(GW_SANITIZE)
  set(_gw_kiosk_flags --sanitized)
endif()
add_test(NAME e2e.kiosk COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_kiosk.py $<TARGET_FILE:groundwork>
         ${CMAKE_SOURCE_DIR} ${_gw_kiosk_flags})
set_tests_properties(e2e.kiosk PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e TIMEOUT 1800)

add_executable(test_kiosk_swap ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/test_kiosk_swap.c)
target_link_libraries(test_kiosk_swap PRIVATE gw_app PkgConfig::CMOCKA)
target_compile_definitions(test_kiosk_swap PRIVATE GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME kiosk.content_swap COMMAND test_kiosk_swap)
set_tests_properties(kiosk.content_swap PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS kiosk)

# the PIN's lockout outlasts a restart (kept in the kiosk's state folder)
add_executable(test_kiosk_pin_state ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/test_kiosk_pin_state.c)
target_link_libraries(test_kiosk_pin_state PRIVATE gw_app PkgConfig::CMOCKA)
add_test(NAME kiosk.pin_state COMMAND test_kiosk_pin_state)
set_tests_properties(kiosk.pin_state PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS kiosk)

# kiosk set-pin keeps the settings file's owner, group and mode, or says what to run
add_test(NAME e2e.kiosk_set_pin_files COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/check_set_pin_files.py
         $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.kiosk_set_pin_files PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk")

# kiosk check: a good deployment and broken ones (fresh folders each), as root and as the
# kiosk's user (nobody, through setpriv, when run as root)
add_test(NAME e2e.kiosk_check COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/check_kiosk_check.py
         $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.kiosk_check PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk")

# the live kiosk as an unprivileged user (nobody) after set-pin as root, on an Xvfb of
# its own: the admin exit opened with the PIN, the failure state the kiosk user's alone
# (skipped, exit 77, when not run as root)
add_test(NAME kiosk.unprivileged_user COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/check_kiosk_user.py
         $<TARGET_FILE:groundwork>)
set_tests_properties(kiosk.unprivileged_user PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk;display"
                     SKIP_RETURN_CODE 77 TIMEOUT 180)

# docs/fleet.md's blocks run as written on three live kiosks (one Xvfb each): a new pack
# swapped in at the next idle reset and not during an exercise, a broken one kept out
# with the reason, a killed push, a full disk (as root), the counters merged with sqlite3
add_test(NAME fleet.push COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/fleet/check_fleet.py $<TARGET_FILE:groundwork>
         ${CMAKE_SOURCE_DIR}/docs/fleet.md)
set_tests_properties(fleet.push PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk;display"
                     SKIP_RETURN_CODE 77 TIMEOUT 300)

# the kiosk under cage (headless, pixman) as a native Wayland client: grim screenshots
# show the attract screen and its orb moving (skipped, exit 77, where cage cannot start)
add_test(NAME kiosk.cage COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/check_cage.py $<TARGET_FILE:groundwork>)
set_tests_properties(kiosk.cage PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk;display"
                     SKIP_RETURN_CODE 77 TIMEOUT 120)

# the kiosk's screens as seen: the admin keypad's order and Cancel in every language,
# every card's length in the home library's words
add_executable(test_kiosk_layout ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/test_kiosk_layout.c)
target_link_libraries(test_kiosk_layout PRIVATE gw_test_env)
add_dependencies(test_kiosk_layout gw_fonts gw_locale)
add_test(NAME kiosk.layout COMMAND test_kiosk_layout)
set_tests_properties(kiosk.layout PROPERTIES LABELS kiosk
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/kiosk-layout-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/kiosk-layout-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/kiosk-layout-home/state")

# The admin keypad typed on with a keyboard: top-row and keypad digits, Backspace, Enter.
add_test(NAME kiosk.admin_keys COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/check_admin_keys.py
         $<TARGET_FILE:groundwork>)
set_tests_properties(kiosk.admin_keys PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;kiosk" TIMEOUT 300)

# the kiosk library at large text: cards that fill the screen, as many a page as fit,
# nothing overlapping or running out of its card, every exercise over the pages
add_executable(test_kiosk_library_fill ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/test_kiosk_library_fill.c)
target_link_libraries(test_kiosk_library_fill PRIVATE gw_test_env)
add_dependencies(test_kiosk_library_fill gw_fonts gw_locale)
add_test(NAME kiosk.library_fill COMMAND test_kiosk_library_fill)
set_tests_properties(kiosk.library_fill PROPERTIES LABELS kiosk
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/kiosk-fill-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/kiosk-fill-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/kiosk-fill-home/state")
