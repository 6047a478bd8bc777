"""A project's published address: one setting ($SITE_URL or --site-url), checked; without it, a preview."""

import pytest

from generator.project import PREVIEW_URL, Project, SiteUrlError


def test_the_address_comes_from_site_url_and_each_side_follows_from_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/archive")
    project = Project.at(tmp_path)
    assert project.site_url == "https://owner.github.io/archive/"
    assert [project.side_url(lang) for lang in project.languages] == ["https://owner.github.io/archive/",
                                                                      "https://owner.github.io/archive/en/"]
    assert not project.preview


def test_without_an_address_the_build_is_a_preview(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    project = Project.at(tmp_path)
    assert project.site_url == PREVIEW_URL == "/" and project.preview
    assert [project.side_url(lang) for lang in project.languages] == ["/", "/en/"]
    assert [project.absolute_side_url(lang) for lang in project.languages] == [None, None]  # MkDocs gets none


def test_an_argument_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/archive/")
    assert Project.at(tmp_path, site_url="https://archive.example.org/").site_url == "https://archive.example.org/"


@pytest.mark.parametrize("bad", ["/", "owner.github.io/archive", "ftp://host/", "https://host/?page=1", "https:///path"])
def test_an_address_that_cannot_be_published_is_refused_with_where_it_came_from(tmp_path, monkeypatch, bad):
    monkeypatch.setenv("SITE_URL", bad)
    with pytest.raises(SiteUrlError, match=r"\$SITE_URL: .*not an absolute http\(s\) address"):
        Project.at(tmp_path)
