@NullMarked
package news.broadsheet.importer.web;

import org.jspecify.annotations.NullMarked;
