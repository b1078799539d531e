"""Parents' and pupils' own inzage: links, what they are asked, and their answers."""
