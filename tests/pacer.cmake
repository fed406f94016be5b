# The pacer scene's frames and wake-ups (app library, no window).
add_executable(test_pacer_frames ${CMAKE_CURRENT_SOURCE_DIR}/pacer/test_pacer_frames.c)
target_link_libraries(test_pacer_frames PRIVATE gw_app PkgConfig::CMOCKA)
target_compile_definitions(test_pacer_frames PRIVATE GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME pacer.frames COMMAND test_pacer_frames)
set_tests_properties(pacer.frames PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS unit)

# The phase words through whole breaths, every style, four languages, two text sizes:
# nothing cut by the orb's edge, nothing squeezed (needs the fonts and catalogues).
add_executable(test_pacer_words ${CMAKE_CURRENT_SOURCE_DIR}/pacer/test_pacer_words.c)
target_link_libraries(test_pacer_words PRIVATE gw_test_env)
add_dependencies(test_pacer_words gw_fonts gw_locale)
add_test(NAME pacer.words COMMAND test_pacer_words)
set_tests_properties(pacer.words PROPERTIES LABELS unit
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/pacer-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/pacer-home/data")

# The pacer's words legible at every moment: every glyph pixel of every text outside the
# controls on a colour with a contrast of at least 4.5:1, from the real renderer's pixels,
# through whole breaths, every style, four languages, two text sizes, three themes.
add_executable(test_pacer_contrast ${CMAKE_CURRENT_SOURCE_DIR}/pacer/test_pacer_contrast.c)
target_link_libraries(test_pacer_contrast PRIVATE gw_test_env m)
add_dependencies(test_pacer_contrast gw_fonts gw_locale)
add_test(NAME pacer.contrast COMMAND test_pacer_contrast)
set_tests_properties(pacer.contrast PROPERTIES LABELS unit
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/pacer-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/pacer-home/data")
