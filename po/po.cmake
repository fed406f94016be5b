# po: message catalogues (GNU gettext). Included from the top CMakeLists.txt.
# Builds <build>/data/locale/<lang>/LC_MESSAGES/groundwork.mo from po/<lang>.po for
# every language in po/LINGUAS; `cmake --build build --target gw_pot` re-extracts
# po/groundwork.pot from the sources and merges it into every po file.
find_program(GW_XGETTEXT xgettext)
find_program(GW_MSGFMT msgfmt)
find_program(GW_MSGMERGE msgmerge)
if(NOT GW_MSGFMT)
  message(FATAL_ERROR "msgfmt is missing: run scripts/deps.sh (package gettext)")
endif()
set(GW_PO_DIR ${CMAKE_SOURCE_DIR}/po)
set(GW_XGETTEXT_ARGS --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2
    --keyword=NC_:1c,2 --add-comments --package-name=groundwork --package-version=${PROJECT_VERSION}
    --msgid-bugs-address=maintainers@groundwork.invalid --sort-by-file)
file(STRINGS ${GW_PO_DIR}/LINGUAS GW_LINGUAS REGEX "^[^#]")
string(REPLACE " " ";" GW_LINGUAS "${GW_LINGUAS}")
file(MAKE_DIRECTORY ${GW_DATA}/locale)
set(GW_MO_OUT)
foreach(lang ${GW_LINGUAS})
  set(mo ${GW_DATA}/locale/${lang}/LC_MESSAGES/groundwork.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${GW_DATA}/locale/${lang}/LC_MESSAGES
    COMMAND ${GW_MSGFMT} --check -o ${mo} ${GW_PO_DIR}/${lang}.po
    DEPENDS ${GW_PO_DIR}/${lang}.po
    COMMENT "Compiling the ${lang} message catalogue")
  list(APPEND GW_MO_OUT ${mo})
endforeach()
add_custom_target(gw_locale ALL DEPENDS ${GW_MO_OUT})

if(GW_XGETTEXT AND GW_MSGMERGE)
  file(GLOB_RECURSE GW_I18N_SRC RELATIVE ${CMAKE_SOURCE_DIR} CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*.c)
  list(SORT GW_I18N_SRC)
  set(GW_POT_CMDS)
  foreach(lang ${GW_LINGUAS})
    list(APPEND GW_POT_CMDS COMMAND ${GW_MSGMERGE} --quiet --update --backup=none
         ${GW_PO_DIR}/${lang}.po ${GW_PO_DIR}/groundwork.pot)
  endforeach()
  add_custom_target(gw_pot
    COMMAND ${GW_XGETTEXT} ${GW_XGETTEXT_ARGS} -o ${GW_PO_DIR}/groundwork.pot ${GW_I18N_SRC}
    ${GW_POT_CMDS}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    COMMENT "Extracting po/groundwork.pot and merging it into the po files")
endif()
