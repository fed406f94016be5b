# Guided exercises (issue 5): the built-in relaxation exercises played end to end in
# English and Spanish, and every shipped voice clip decoded and fitted to its step.
add_test(NAME e2e.guided COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_guided.py
         $<TARGET_FILE:groundwork> ${CMAKE_SOURCE_DIR})
set_tests_properties(e2e.guided PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
