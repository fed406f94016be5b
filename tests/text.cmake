# Text in more than one script through the real renderer and the shipped fonts: runs per
# script drawn with the font that has them (no empty boxes), in visual order, and
# measured as drawn (src/core/textrun.c, src/platform/plat_render.c).
add_executable(test_text_mixed ${CMAKE_CURRENT_SOURCE_DIR}/text/test_text_mixed.c)
target_link_libraries(test_text_mixed PRIVATE gw_platform PkgConfig::CMOCKA)
target_compile_definitions(test_text_mixed PRIVATE GW_FONT_DIR="${CMAKE_BINARY_DIR}/data/fonts"
                           GW_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_dependencies(test_text_mixed gw_fonts)
add_test(NAME text.mixed_scripts COMMAND test_text_mixed)
set_tests_properties(text.mixed_scripts PROPERTIES ENVIRONMENT "${GW_TEST_ENV}" LABELS "unit;text")

# The library's name shown, clear of the header's buttons, in every language and size.
add_executable(test_library_name ${CMAKE_CURRENT_SOURCE_DIR}/text/test_library_name.c)
target_link_libraries(test_library_name PRIVATE gw_test_env)
add_dependencies(test_library_name gw_fonts gw_locale)
add_test(NAME text.library_name COMMAND test_library_name)
set_tests_properties(text.library_name PROPERTIES LABELS "unit;text;i18n"
  ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/a11y-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/a11y-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/a11y-home/state")
