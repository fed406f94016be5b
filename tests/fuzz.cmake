# Fuzzing (issue 11). One libFuzzer target per parser of outside input:
# tests/fuzz/fuzz_<name>.c defines LLVMFuzzerTestOneInput and is picked up by the glob
# below, with its seeds in tests/fuzz/corpus/<name>/, its dictionary in
# tests/fuzz/<name>.dict and the inputs that once crashed it in
# tests/fuzz/regressions/<name>/.
#
# -DGW_FUZZ=ON (clang only; `make fuzz` uses the build-fuzz folder) builds the fuzzers
# themselves: gw_core and the target instrumented with fuzzer, address and undefined.
# Every other build (gcc, ASan, valgrind) builds <name>_replay from the same source with
# tests/fuzz/replay_main.c, and CTest replays the corpus and the regressions through it.
option(GW_FUZZ "Build the libFuzzer targets (clang; see docs/testing.md)" OFF)
set(GW_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
file(GLOB GW_FUZZ_SRC CONFIGURE_DEPENDS ${GW_FUZZ_DIR}/fuzz_*.c)

if(GW_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "GW_FUZZ needs clang: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DGW_FUZZ=ON")
  endif()
  set(_gw_fuzz_san -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_compile_options(gw_core PRIVATE -fsanitize=fuzzer-no-link ${_gw_fuzz_san})
  add_custom_target(fuzz_targets)
endif()

foreach(src ${GW_FUZZ_SRC})
  get_filename_component(exe ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" name ${exe})
  set(inputs ${GW_FUZZ_DIR}/corpus/${name})
  file(GLOB _regs ${GW_FUZZ_DIR}/regressions/${name}/*)
  if(_regs)
    list(APPEND inputs ${GW_FUZZ_DIR}/regressions/${name})
  endif()
  if(GW_FUZZ)
    add_executable(${exe} ${src})
    target_compile_options(${exe} PRIVATE -fsanitize=fuzzer ${_gw_fuzz_san})
    target_link_options(${exe} PRIVATE -fsanitize=fuzzer ${_gw_fuzz_san})
    target_link_libraries(${exe} PRIVATE gw_core)
    set_target_properties(${exe} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
    add_dependencies(fuzz_targets ${exe})
    # libFuzzer runs the given files once each and exits (no fuzzing).
    add_test(NAME fuzz.replay.${name} COMMAND ${exe} -runs=0 ${inputs})
  else()
    add_executable(${exe}_replay ${src} ${GW_FUZZ_DIR}/replay_main.c)
    target_link_libraries(${exe}_replay PRIVATE gw_core)
    add_test(NAME fuzz.replay.${name} COMMAND ${exe}_replay ${inputs})
    set(GW_FUZZ_REPLAY_${name} $<TARGET_FILE:${exe}_replay> ${inputs})  # for tests/valgrind.cmake
  endif()
  set_tests_properties(fuzz.replay.${name} PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS fuzz)
  list(APPEND GW_FUZZ_NAMES ${name})
endforeach()
