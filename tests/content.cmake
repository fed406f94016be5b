# Built-in content: format limits and content rules (tests/check_content_limits.py).
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND)
  add_test(NAME content.core_limits
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_content_limits.py
            ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.core_limits PROPERTIES LABELS content)
  # every text of the built-in pack has Arabic, written in Arabic script (docs/i18n.md)
  add_test(NAME content.core_arabic
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_arabic_content.py
            ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.core_arabic PROPERTIES LABELS content)
  # every text of the built-in pack in every language of the pack, none left in English
  add_test(NAME content.core_translated
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_content_translated.py
            ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.core_translated PROPERTIES LABELS content)
  # the Spanish of po/es.po and of the pack in one voice: tú, no gendered address, words
  # of both sides of the Atlantic, none of the wordings found wrong (docs/i18n.md)
  add_test(NAME content.spanish_register
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_spanish_register.py
            ${CMAKE_SOURCE_DIR}/po/es.po ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.spanish_register PROPERTIES LABELS content)
  # every voice clip of the built-in pack exists, decodes, fills at most 85% of its step
  # and was made from its step's current words (docs/voice.md)
  add_test(NAME content.core_voice
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_voice.py
            ${CMAKE_SOURCE_DIR}/content/core)
  set_tests_properties(content.core_voice PROPERTIES LABELS content)
  # every exercise has a source, cautions, an explicit unattended flag, and its place in
  # docs/content.md (tests/check_content_sources.py)
  add_test(NAME content.core_sources
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_content_sources.py
            ${CMAKE_SOURCE_DIR}/content/core ${CMAKE_SOURCE_DIR}/docs/content.md)
  set_tests_properties(content.core_sources PROPERTIES LABELS content)
else()
  message(STATUS "python3 not found: skipping content.core_limits, content.core_arabic, content.core_translated, content.spanish_register, content.core_voice and content.core_sources")
endif()
