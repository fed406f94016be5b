# Memcheck (issue 11): the unit tests, the fuzz corpus replays and short headless runs
# of the program under valgrind, failing on any memory error or definite/indirect leak.
# Label `memcheck` (make memcheck, or ctest -L memcheck). Only in builds without
# sanitizers (valgrind and ASan do not mix) and only when valgrind is installed
# (scripts/deps.sh installs it).
find_program(GW_VALGRIND valgrind)
if(GW_SANITIZE OR GW_FUZZ)
  return()
endif()
if(NOT GW_VALGRIND)
  message(STATUS "valgrind not found: the memcheck tests are left out (scripts/deps.sh installs it)")
  gw_tool_missing(memcheck.valgrind_missing memcheck
                  "valgrind not found: the memcheck tests are left out (scripts/deps.sh installs it)")
  return()
endif()
set(GW_MEMCHECK ${GW_VALGRIND} -q --error-exitcode=1 --leak-check=full
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
    --track-origins=yes)
set(_gw_mc_tests)
foreach(src ${GW_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_test(NAME memcheck.${name} COMMAND ${GW_MEMCHECK} $<TARGET_FILE:${name}>)
  list(APPEND _gw_mc_tests memcheck.${name})
endforeach()
foreach(name ${GW_FUZZ_NAMES})
  add_test(NAME memcheck.fuzz_${name} COMMAND ${GW_MEMCHECK} ${GW_FUZZ_REPLAY_${name}})
  list(APPEND _gw_mc_tests memcheck.fuzz_${name})
endforeach()
add_test(NAME memcheck.play_breathing COMMAND ${GW_MEMCHECK} $<TARGET_FILE:groundwork>
         play --no-draw --exercise box-breathing --cycles 1)
add_test(NAME memcheck.play_prompts_script COMMAND ${GW_MEMCHECK} $<TARGET_FILE:groundwork>
         play --no-draw --exercise grounding-333
         --script ${CMAKE_CURRENT_SOURCE_DIR}/e2e/scripts/prompts_by_keys.jsonl)
set_tests_properties(${_gw_mc_tests} PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS memcheck)
set_tests_properties(memcheck.play_breathing memcheck.play_prompts_script PROPERTIES
                     ENVIRONMENT "${GW_PY_ENV}" LABELS memcheck)
