# Guided exercises (issue 5): the built-in relaxation exercises played end to end in
# English and Spanish, and every shipped voice clip decoded and fitted to its step.
add_test(NAME e2e.guided COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_guided.py
         $<TARGET_FILE:groundwork> ${CMAKE_SOURCE_DIR})
set_tests_properties(e2e.guided PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)

# Captions in whole sentences: every guided exercise in every language at 100% and
# 200% text, several moments of every step, checked from the draw list.
add_executable(guided_captions ${CMAKE_CURRENT_SOURCE_DIR}/guided/captions.c)
target_link_libraries(guided_captions PRIVATE gw_test_env)
add_dependencies(guided_captions gw_fonts gw_locale)
add_test(NAME guided.captions COMMAND guided_captions)
set_tests_properties(guided.captions PROPERTIES LABELS e2e
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/captions-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/captions-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/captions-home/state")

# The hand question never covers the body map, in every language, text size and window.
add_executable(guided_hand_question ${CMAKE_CURRENT_SOURCE_DIR}/guided/hand_question.c)
target_link_libraries(guided_hand_question PRIVATE gw_test_env)
add_dependencies(guided_hand_question gw_fonts gw_locale)
add_test(NAME guided.hand_question COMMAND guided_hand_question)
set_tests_properties(guided.hand_question PROPERTIES LABELS e2e
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/hand-question-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/hand-question-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/hand-question-home/state")

# The body map lights the named part and only it, on the right side, tensing and
# releasing told apart (from the draw list).
add_executable(guided_bodymap ${CMAKE_CURRENT_SOURCE_DIR}/guided/bodymap.c)
target_link_libraries(guided_bodymap PRIVATE gw_test_env)
add_dependencies(guided_bodymap gw_fonts gw_locale)
add_test(NAME guided.bodymap COMMAND guided_bodymap)
set_tests_properties(guided.bodymap PROPERTIES LABELS unit
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data")
