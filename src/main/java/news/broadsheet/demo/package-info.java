/**
 * Demo content: on first start with an empty database, loads a small newsroom (sections, authors,
 * stories, threaded comments, static pages) written for Broadsheet, from {@code demo/newsroom.yml}. Turned off
 * with {@code broadsheet.demo-content.enabled=false}. Uses only the public facades of the other
 * modules; nothing depends on it.
 */
@NullMarked
package news.broadsheet.demo;

import org.jspecify.annotations.NullMarked;
