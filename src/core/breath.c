/* placeholder: the engine is being written */
#include "core/breath.h"
