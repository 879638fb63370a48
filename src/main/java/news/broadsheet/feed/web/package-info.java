@NullMarked
package news.broadsheet.feed.web;

import org.jspecify.annotations.NullMarked;
