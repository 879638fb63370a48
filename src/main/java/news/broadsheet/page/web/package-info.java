@NullMarked
package news.broadsheet.page.web;

import org.jspecify.annotations.NullMarked;
