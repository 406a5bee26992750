/* Reader tools; enhanced in place, the page works without this file. */
