# Installing like a desktop program: the metadata validates, and the Debian package
# installs (into a scratch root) and runs from its installed files.
find_program(GW_DESKTOP_VALIDATE desktop-file-validate)
find_program(GW_APPSTREAMCLI appstreamcli)
if(GW_DESKTOP_VALIDATE)
  add_test(NAME install.desktop_file COMMAND ${GW_DESKTOP_VALIDATE} ${CMAKE_SOURCE_DIR}/assets/desktop/org.groundwork.Groundwork.desktop)
endif()
if(GW_APPSTREAMCLI)
  add_test(NAME install.metainfo COMMAND ${GW_APPSTREAMCLI} validate --no-net ${CMAKE_SOURCE_DIR}/assets/desktop/org.groundwork.Groundwork.metainfo.xml)
endif()
add_test(NAME install.man_page COMMAND sh -c "out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '${CMAKE_SOURCE_DIR}/docs/groundwork.1' 2>&1 >/dev/null); [ -z \"$out\" ] || { echo \"$out\"; exit 1; }")
add_test(NAME install.deb COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/install_deb.sh ${CMAKE_BINARY_DIR})
set_tests_properties(install.deb PROPERTIES LABELS install RUN_SERIAL TRUE ENVIRONMENT "SDL_AUDIODRIVER=dummy;SDL_VIDEODRIVER=dummy")
