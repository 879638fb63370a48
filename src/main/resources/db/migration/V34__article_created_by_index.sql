-- A reporter's story list holds the stories they created or write a byline of, newest change first.
CREATE INDEX article_by_creator ON article (created_by, updated_at);
