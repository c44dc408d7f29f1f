#include "json-build.h"

#include "mysizer/text.h"

cJSON *mz_json_checked(cJSON *item)
{
	if (!item)
		mz_out_of_memory();
	return item;
}

void mz_json_add(cJSON *parent, const char *name, cJSON *item)
{
	mz_json_checked(item);
	if (!(name ? cJSON_AddItemToObject(parent, name, item) : cJSON_AddItemToArray(parent, item)))
		mz_out_of_memory();
}

cJSON *mz_json_string(struct mz_arena *arena, const char *s)
{
	return mz_json_checked(s ? cJSON_CreateString(mz_utf8(arena, s)) : cJSON_CreateNull());
}

cJSON *mz_json_object(void)
{
	return mz_json_checked(cJSON_CreateObject());
}

cJSON *mz_json_array(void)
{
	return mz_json_checked(cJSON_CreateArray());
}

void mz_json_print(FILE *out, cJSON *root)
{
	char *text = cJSON_Print(root);
	if (!text)
		mz_out_of_memory();
	fputs(text, out);
	fputc('\n', out);
	cJSON_free(text);
	cJSON_Delete(root);
}
