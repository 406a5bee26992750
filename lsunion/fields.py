"""Model fields shared by the apps."""

from django import forms
from django.db import models

from lsunion import images


class CleanImageFormField(forms.ImageField):
    """The form side: lsunion.images decides and words the refusal, as on every upload path."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        images.inspect(upload)
        return upload


class CleanImageField(models.ImageField):
    """An ImageField whose files are verified, stripped of EXIF and given renditions.

    The work happens when the model is saved, so the admin, imports and the shell all store
    the same clean files. A cleaned file carries its size in its name (lsunion.images); a
    file without one – new, or written straight to storage – is cleaned and renamed.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [images.validate_image])
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and (not file._committed or images.size_from_name(file.name) is None):
            raw_name = file.name if file._committed else None
            with file.open("rb") as source:
                cleaned = images.clean(source)
            file.save(cleaned.name, cleaned, save=False)
            images.make_renditions(file.name, file.storage)
            if raw_name and raw_name != file.name:
                file.storage.delete(raw_name)
        return super().pre_save(model_instance, add)
