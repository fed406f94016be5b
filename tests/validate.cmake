# validate agrees with the run: ids that clash with the built-in or the user's
# packs are refused by validate as list and play refuse them.
add_test(NAME e2e.validate_agrees COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_validate_agrees.py
         $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.validate_agrees PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
