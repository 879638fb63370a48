@NullMarked
package news.broadsheet.api.web;

import org.jspecify.annotations.NullMarked;
