# Crash safety: crash_writer saves practice-log sessions and settings through the
# program's own plog and settings code; crash_kill.py kills it with SIGKILL at random
# moments (seeded) and checks the log, the settings and every save it reported.
add_executable(crash_writer ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_writer.c)
target_link_libraries(crash_writer PRIVATE gw_core)
add_test(NAME crash.kill COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/crash/crash_kill.py
         $<TARGET_FILE:crash_writer> --kills 240)
set_tests_properties(crash.kill PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS crash TIMEOUT 300)
