# Read aloud: the back-end (plat_speech, libspeechd loaded at run time) against a
# speech-dispatcher stand-in on a private socket (tests/speech/fake_speechd.py).
add_executable(speech_probe ${CMAKE_CURRENT_SOURCE_DIR}/speech/speech_probe.c)
target_link_libraries(speech_probe PRIVATE gw_platform)
find_library(GW_SPEECHD_LIB NAMES libspeechd.so.2 speechd)
if(GW_SPEECHD_LIB)
  add_test(NAME speech.ssip COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/speech/check_speech.py $<TARGET_FILE:speech_probe>)
  set_tests_properties(speech.ssip PROPERTIES LABELS e2e TIMEOUT 300
    ENVIRONMENT "${GW_TEST_ENV};LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/speech/lsan.supp:fast_unwind_on_malloc=0")
  # the program reading aloud (play with GW_SPEECH_SERVICE): what reaches the service
  # is what the trace says; no service; a kiosk's read_aloud and its idle reset
  add_test(NAME speech.read_aloud COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/speech/check_read_aloud.py $<TARGET_FILE:groundwork>)
  set_tests_properties(speech.read_aloud PROPERTIES LABELS e2e TIMEOUT 300
    ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/speech/lsan.supp:fast_unwind_on_malloc=0")
else()
  gw_tool_missing(speech.ssip e2e "libspeechd2 is missing: run scripts/deps.sh")
  gw_tool_missing(speech.read_aloud e2e "libspeechd2 is missing: run scripts/deps.sh")
endif()
