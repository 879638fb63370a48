@NullMarked
package news.broadsheet.sitemap.web;

import org.jspecify.annotations.NullMarked;
