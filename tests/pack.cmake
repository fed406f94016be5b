# Content packs (issue 3): build settings of the pack tests.

# While src/core/breath.c is still a placeholder, the pack tests link a stand-in
# breath_total (tests/unit/breath_total_stub.h). Re-checked whenever breath.c changes.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/core/breath.c)
file(READ ${CMAKE_SOURCE_DIR}/src/core/breath.c _gw_breath_src)
string(REGEX MATCH "gw_ns[ \t\r\n]+breath_total[ \t]*\\(" _gw_has_breath_total "${_gw_breath_src}")
foreach(t test_pack test_pack_corpus)
  if(TARGET ${t} AND NOT _gw_has_breath_total)
    target_compile_definitions(${t} PRIVATE GW_BREATH_TOTAL_STUB)
  endif()
endforeach()
