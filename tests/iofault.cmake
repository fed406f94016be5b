# I/O faults (issue 11): broken pack files, missing fonts, no audio device; each must
# give a clear message and let the program go on. tests/iofault/io_faults.sh.
foreach(c dangling fifo unreadable nofont noaudio)
  add_test(NAME iofault.${c} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/iofault/io_faults.sh
           $<TARGET_FILE:groundwork> ${c})
  set_tests_properties(iofault.${c} PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS "e2e;iofault"
                       SKIP_RETURN_CODE 77)
endforeach()
