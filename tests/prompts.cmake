# Prompt exercises with test packs (voice clips, auto-advance): play scripts that load a
# pack from the source tree ($GW_SOURCE_DIR in their `# args:`).
file(GLOB GW_PACK_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/pack_scripts/*.jsonl)
foreach(s ${GW_PACK_SCRIPTS})
  get_filename_component(name ${s} NAME_WE)
  add_test(NAME play.${name} COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/play_check.py $<TARGET_FILE:groundwork> ${s})
  set_tests_properties(play.${name} PROPERTIES LABELS e2e ENVIRONMENT
    "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/test-home/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/test-home/config;GW_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endforeach()
