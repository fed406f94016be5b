# Every pack under content/ and tests/packs/good/ (and every example in
# docs/pack-format.md) must validate against docs/pack.schema.json. Needs Python 3
# with jsonschema (Debian: python3-jsonschema, installed by scripts/deps.sh).
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(FATAL_ERROR "python3 not found: run scripts/deps.sh")
endif()
add_test(NAME pack.schema
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_schema.py --root ${CMAKE_SOURCE_DIR})
set_tests_properties(pack.schema PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS pack)
