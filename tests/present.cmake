# Present mode (issue 8): the take-home plan saved, validated, and first in home mode.
add_test(NAME e2e.present_plan COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_present_plan.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.present_plan PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
