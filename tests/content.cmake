# Built-in content: format limits and content rules (tests/check_content_limits.py).
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  add_test(NAME content.core_limits
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_content_limits.py
            ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.core_limits PROPERTIES LABELS content)
else()
  message(STATUS "python3 not found: skipping content.core_limits")
endif()
