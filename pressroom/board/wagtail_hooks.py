from wagtail import hooks
from wagtail.permissions import register_permission_policy

from pressroom.board.admin_views import QuestionPermissionPolicy, QuestionViewSet
from pressroom.board.models import Question

register_permission_policy(Question, QuestionPermissionPolicy(Question))


@hooks.register("register_admin_viewset")
def register_questions():
    return QuestionViewSet()
