# The checkers can fail: each Python checker against a fake groundwork that writes an
# empty or wrong trace and blank PNGs (with PYTHONOPTIMIZE=1, so no check hides in an
# assert), and play_check.py's own rules against the real program.
add_test(NAME selftest.checkers_fail
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/selftest/check_checkers_fail.py
          $<TARGET_FILE:groundwork> ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/test-locales)
set_tests_properties(selftest.checkers_fail PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;selftest" TIMEOUT 1200)
