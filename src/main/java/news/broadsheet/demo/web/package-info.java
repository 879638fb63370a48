/** The demo newsroom's admin page ({@code /admin/demo}). */
@NullMarked
package news.broadsheet.demo.web;

import org.jspecify.annotations.NullMarked;
