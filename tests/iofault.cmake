# I/O faults (issue 11): broken pack files, missing fonts, no audio device or SDL_mixer; each must
# give a clear message and let the program go on. tests/iofault/io_faults.sh.
foreach(c dangling fifo fifo_pack special fifo_config lying unreadable nofont noaudio nomixer)
  add_test(NAME iofault.${c} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/iofault/io_faults.sh
           $<TARGET_FILE:groundwork> ${c})
  set_tests_properties(iofault.${c} PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;iofault"
                       SKIP_RETURN_CODE 77)
endforeach()
# The trace cannot be written: a clear message and exit 1, not a crash.
add_test(NAME iofault.trace_unwritable COMMAND sh -c "
  '$<TARGET_FILE:groundwork>' play --no-draw --trace /nonexistent-dir/t.jsonl 2> err.txt; rc=$?
  grep -q 'cannot write the trace /nonexistent-dir/t.jsonl: No such file or directory' err.txt && [ $rc -eq 1 ]")
set_tests_properties(iofault.trace_unwritable PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;iofault")
