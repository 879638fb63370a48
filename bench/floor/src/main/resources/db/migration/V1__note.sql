create table if not exists note(id integer primary key, body text);
