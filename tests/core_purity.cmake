# The core must compile without SDL: no SDL header anywhere under src/core.
add_test(NAME core.no_sdl_include
  COMMAND sh -c "! grep -rnE '#[[:space:]]*include[[:space:]]*[<\"](SDL|SDL2/)' '${CMAKE_SOURCE_DIR}/src/core'")
